import { Topbar } from "../../../components/customization/topbar";

export default function Page() {
	return <Topbar />;
}
