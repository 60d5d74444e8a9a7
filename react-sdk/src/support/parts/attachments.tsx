import type { FilePart, ImagePart } from "@cossistant/types";
import { type ReactNode, useEffect, useState } from "react";
import { useSupportLocale } from "../../text/text-context.tsx";
import { formatFileSize } from "../../utils/file-size.ts";
import { safeHref } from "../../utils/linkify.ts";
import { FileIcon } from "./icons.tsx";

/**
 * An image of a message as a thumbnail that opens the full picture in a new tab. Width and
 * height, when the server knows them, reserve its box so the timeline does not jump.
 */
export function ImageAttachment({ part }: { part: ImagePart }) {
	const src = safeHref(part.url);
	if (!src) return null;
	return (
		<a className="co-attachment-image" href={src} target="_blank" rel="noopener noreferrer">
			<img
				className="co-message-image"
				src={src}
				alt={part.name ?? ""}
				width={part.width}
				height={part.height}
				loading="lazy"
			/>
		</a>
	);
}

/** A file of a message: a chip with its name and size that downloads it. */
export function FileAttachment({ part }: { part: FilePart }) {
	const href = safeHref(part.url);
	if (!href) return null;
	return (
		<a
			className="co-message-file"
			href={href}
			target="_blank"
			rel="noopener noreferrer"
			download={part.name}
		>
			<FileChipContent name={part.name} size={part.size} />
		</a>
	);
}

/** Icon (the file icon by default), name and size: a file chip in messages and the composer. */
export function FileChipContent({
	name,
	size,
	icon = <FileIcon size={18} />,
}: {
	name: string;
	size: number;
	icon?: ReactNode;
}) {
	const locale = useSupportLocale();
	return (
		<>
			{icon}
			<span className="co-file-name">{name}</span>
			<span className="co-file-size">{formatFileSize(size, locale)}</span>
		</>
	);
}

/**
 * A picked image's preview in the composer, read from the file itself (an object URL, released
 * when the preview goes); other files show the file icon.
 */
export function ComposerFilePreview({ file }: { file: File }) {
	const [url, setUrl] = useState<string | null>(null);
	const isImage = file.type.startsWith("image/");
	useEffect(() => {
		if (!isImage) return;
		const objectUrl = URL.createObjectURL(file);
		setUrl(objectUrl);
		return () => URL.revokeObjectURL(objectUrl);
	}, [file, isImage]);
	return url ? <img className="co-composer-thumb" src={url} alt="" /> : <FileIcon size={18} />;
}
