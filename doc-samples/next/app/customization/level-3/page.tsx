import Level3 from "../../../components/customization/level-3";

export default function Page() {
	return <Level3 />;
}
