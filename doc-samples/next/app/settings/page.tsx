// The page the topbar sample's Settings link points at (Next.js prefetches it).
export default function SettingsPage() {
	return <h1>Settings</h1>;
}
