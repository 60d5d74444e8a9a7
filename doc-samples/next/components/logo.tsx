// The app's logo in the topbar sample (the docs leave it out).
export function Logo() {
	return <span>Acme</span>;
}
