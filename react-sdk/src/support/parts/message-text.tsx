import { Fragment } from "react";
import { splitLinks } from "../../utils/linkify.ts";

/**
 * Message text rendered as React text (never as HTML): `<img onerror>` shows as characters.
 * http(s) URLs become links that open in a new tab without access to this page.
 */
export function MessageText({ text }: { text: string }) {
	return (
		<p className="co-message-text">
			{splitLinks(text).map((segment) =>
				segment.type === "link" ? (
					<a
						key={segment.start}
						href={segment.href}
						target="_blank"
						rel="noopener noreferrer"
						className="co-link"
					>
						{segment.text}
					</a>
				) : (
					<Fragment key={segment.start}>{segment.text}</Fragment>
				),
			)}
		</p>
	);
}
