import Level4 from "../../../components/customization/level-4";

export default function Page() {
	return <Level4 />;
}
