import { Fragment } from "react";

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;

/**
 * Message text as React text (never HTML): only http(s) URLs become links, opened in a new tab
 * without access to this page.
 */
export function MessageText({ text }: { text: string }) {
	const pieces = text.split(URL_PATTERN);
	return (
		<p className="m-0 whitespace-pre-wrap">
			{pieces.map((piece, index) =>
				index % 2 === 1 ? (
					<a
						// biome-ignore lint/suspicious/noArrayIndexKey: pieces of one immutable string
						key={index}
						href={piece.replace(/[.,;:!?)]+$/, "")}
						target="_blank"
						rel="noopener noreferrer"
					>
						{piece}
					</a>
				) : (
					// biome-ignore lint/suspicious/noArrayIndexKey: pieces of one immutable string
					<Fragment key={index}>{piece}</Fragment>
				),
			)}
		</p>
	);
}
