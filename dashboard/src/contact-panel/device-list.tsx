import type { VisitorDetail } from "@cossistant/types";
import { Laptop, Smartphone, Tablet } from "lucide-react";
import { Badge } from "../ui/badge.tsx";
import { CollapsibleSection } from "../ui/collapsible.tsx";
import { deviceName, fullTime, relativeTime } from "./format.ts";

/** Props of {@link DeviceList}. */
export interface DeviceListProps {
	devices: VisitorDetail[];
	/** The visitor of the open conversation, marked as such. */
	currentVisitorId: string | null;
}

const DEVICE_TYPE: Record<NonNullable<VisitorDetail["device"]["deviceType"]>, string> = {
	desktop: "Desktop",
	mobile: "Phone",
	tablet: "Tablet",
};
const DEVICE_ICON = { desktop: Laptop, mobile: Smartphone, tablet: Tablet } as const;

/** The person's devices (visitors): browser and OS, device type, when last seen. */
export function DeviceList({ devices, currentVisitorId }: DeviceListProps) {
	return (
		<CollapsibleSection
			title={devices.length === 1 ? "Device" : "Devices"}
			meta={devices.length > 1 ? devices.length : undefined}
		>
			<ul className="m-0 flex list-none flex-col gap-3 p-0" aria-label="Devices">
				{devices.map((device) => {
					const Icon = DEVICE_ICON[device.device.deviceType ?? "desktop"];
					return (
						<li key={device.id} className="flex gap-3" title={device.device.userAgent ?? undefined}>
							<span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-md bg-muted">
								<Icon className="size-4 text-muted-foreground" aria-hidden="true" />
							</span>
							<div className="flex min-w-0 flex-col gap-1">
								<span className="font-medium">{deviceName(device)}</span>
								<span className="flex flex-wrap gap-1">
									{device.device.deviceType ? (
										<Badge variant="outline">{DEVICE_TYPE[device.device.deviceType]}</Badge>
									) : null}
									{device.id === currentVisitorId ? (
										<Badge variant="info">This conversation</Badge>
									) : null}
									{device.isBlocked ? <Badge variant="danger">Blocked</Badge> : null}
								</span>
								<span className="text-xs text-muted-foreground">
									Last seen{" "}
									<time dateTime={device.lastSeenAt} title={fullTime(device.lastSeenAt)}>
										{relativeTime(device.lastSeenAt)}
									</time>
									{device.language ? ` · ${device.language}` : ""}
									{device.timezone ? ` · ${device.timezone}` : ""}
								</span>
							</div>
						</li>
					);
				})}
			</ul>
		</CollapsibleSection>
	);
}
