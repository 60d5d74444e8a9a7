import RouterPages from "../../../components/customization/router-pages";
import { GoTo } from "../../../components/go-to";

export default function Page() {
	return (
		<>
			<RouterPages />
			<GoTo page="FAQ" />
		</>
	);
}
