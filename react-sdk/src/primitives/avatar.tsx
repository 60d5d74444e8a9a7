import {
	createContext,
	type HTMLAttributes,
	type ImgHTMLAttributes,
	useContext,
	useMemo,
	useRef,
	useState,
} from "react";
import { safeHref } from "../utils/linkify.ts";
import { useIsomorphicLayoutEffect } from "../utils/use-isomorphic-layout-effect.ts";

const ACCENTS = ["pink", "yellow", "blue", "orange"] as const;

/** Where an avatar's picture is: the fallback shows until it is `loaded`. */
export type AvatarImageStatus = "idle" | "loading" | "loaded" | "error";

/** Props of `<Primitives.Avatar>`. */
export type AvatarProps = HTMLAttributes<HTMLSpanElement> & {
	/**
	 * The person's name: without children, the picture's alt text and the fallback's initials
	 * (a shorthand for `AvatarImage` + `AvatarFallback`); with them, the fallback's default.
	 */
	name?: string;
	/** Picture URL for the shorthand (http(s) only); the initials show when absent or broken. */
	src?: string | null;
	/**
	 * What picks the fallback's accent, e.g. the participant's id, so one person keeps one
	 * colour wherever they appear (defaults to `name`).
	 */
	accentKey?: string;
};

interface AvatarContextValue {
	status: AvatarImageStatus;
	setStatus: (status: AvatarImageStatus) => void;
	/** The name given to the avatar, else the picture's alt: how the fallback is announced. */
	label: string | undefined;
	setAlt: (alt: string | undefined) => void;
	name: string | undefined;
}

const AvatarContext = createContext<AvatarContextValue | null>(null);

function useAvatar(part: string): AvatarContextValue {
	const avatar = useContext(AvatarContext);
	if (!avatar) throw new Error(`${part} must be used inside <Primitives.Avatar>.`);
	return avatar;
}

/** Up to two initials of a name. */
export function initials(name: string): string {
	const words = name.trim().split(/\s+/).filter(Boolean);
	return words
		.slice(0, 2)
		.map((word) => word[0]?.toUpperCase() ?? "")
		.join("");
}

/** One of the four accents (pink, yellow, blue, orange), always the same for the same key. */
export function accentOf(key: string): (typeof ACCENTS)[number] {
	const sum = [...key].reduce((total, char) => total + (char.codePointAt(0) ?? 0), 0);
	return ACCENTS[sum % ACCENTS.length] ?? "pink";
}

/**
 * Headless avatar: a picture (`AvatarImage`) that shows once it has loaded, and a fallback
 * (`AvatarFallback`, initials by default) until then or when it fails. `data-accent` (pink,
 * yellow, blue, orange), derived from `accentKey` or the name, colours the fallback;
 * `data-status` tells the picture's state.
 *
 * @example
 * <Primitives.Avatar>
 *   <Primitives.AvatarImage src={user.image} alt={user.name} />
 *   <Primitives.AvatarFallback>{user.initials}</Primitives.AvatarFallback>
 * </Primitives.Avatar>
 * <Primitives.Avatar name={agent.name} src={agent.image} accentKey={agent.id} />
 */
export function Avatar({ name, src, accentKey, children, ...props }: AvatarProps) {
	const [status, setStatus] = useState<AvatarImageStatus>("idle");
	const [alt, setAlt] = useState<string | undefined>(undefined);
	const key = accentKey ?? name;
	const value = useMemo(
		() => ({ status, setStatus, label: name ?? alt, setAlt, name }),
		[status, name, alt],
	);
	return (
		<AvatarContext.Provider value={value}>
			<span
				data-accent={key === undefined ? undefined : accentOf(key)}
				data-status={status}
				{...props}
			>
				{children ?? (
					<>
						<AvatarImage src={src} alt={name ?? ""} />
						<AvatarFallback />
					</>
				)}
			</span>
		</AvatarContext.Provider>
	);
}

/** Props of `<Primitives.AvatarImage>`. */
export type AvatarImageProps = Omit<ImgHTMLAttributes<HTMLImageElement>, "src"> & {
	/** Picture URL: http(s) only, others count as failed. */
	src?: string | null;
	/** Called as the picture goes `loading`, `loaded` or `error`. */
	onLoadingStatusChange?: (status: AvatarImageStatus) => void;
};

/**
 * The avatar's picture: fetched at once but shown only once loaded, so a slow or broken image
 * never replaces the fallback with an empty box.
 *
 * @example
 * <Primitives.AvatarImage src={user.image} alt={user.name} />
 */
export function AvatarImage({
	src,
	alt = "",
	onLoadingStatusChange,
	onLoad,
	onError,
	...props
}: AvatarImageProps) {
	const { status, setStatus, setAlt } = useAvatar("<Primitives.AvatarImage>");
	const href = src ? safeHref(src) : null;
	const image = useRef<HTMLImageElement>(null);
	const update = useRef(onLoadingStatusChange);
	update.current = onLoadingStatusChange;
	const report = (next: AvatarImageStatus) => {
		setStatus(next);
		update.current?.(next);
	};
	useIsomorphicLayoutEffect(() => {
		const element = image.current;
		// A picture that finished before hydration fired its events before React listened.
		if (!href) report("error");
		else if (element?.complete && element.naturalWidth > 0) report("loaded");
		else report("loading");
	}, [href]);
	useIsomorphicLayoutEffect(() => {
		setAlt(alt || undefined);
		return () => setAlt(undefined);
	}, [alt, setAlt]);
	if (!href || status === "error") return null;
	return (
		<img
			{...props}
			ref={image}
			src={href}
			alt={alt}
			hidden={status !== "loaded"}
			onLoad={(event) => {
				onLoad?.(event);
				report("loaded");
			}}
			onError={(event) => {
				onError?.(event);
				report("error");
			}}
		/>
	);
}

/** Props of `<Primitives.AvatarFallback>`. */
export type AvatarFallbackProps = HTMLAttributes<HTMLSpanElement> & {
	/** Whose initials to show. @default the avatar's `name` */
	name?: string;
};

/**
 * Shown until the picture has loaded, or instead of it: your children, or the initials. Named
 * for assistive technology after the avatar's name or the picture's alt text.
 *
 * @example
 * <Primitives.AvatarFallback className="bg-muted">{user.initials}</Primitives.AvatarFallback>
 */
export function AvatarFallback({ name, children, ...props }: AvatarFallbackProps) {
	const avatar = useAvatar("<Primitives.AvatarFallback>");
	if (avatar.status === "loaded") return null;
	const label = name ?? avatar.label;
	return (
		<span {...(label ? { role: "img", "aria-label": label } : {})} {...props}>
			{children ?? initials(name ?? avatar.name ?? "")}
		</span>
	);
}
