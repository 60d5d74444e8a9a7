import CustomPages from "../../../components/customization/custom-pages";
import { GoTo } from "../../../components/go-to";

export default function Page() {
	return (
		<>
			<CustomPages />
			<GoTo page="FAQ" />
		</>
	);
}
