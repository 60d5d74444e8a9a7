import type { VisitorDetail } from "@cossistant/types";
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

/** The person's devices (visitors): browser and OS, device type, when last seen. */
export function DeviceList({ devices, currentVisitorId }: DeviceListProps) {
	return (
		<div className="dash-cp-block">
			<h3 className="dash-cp-subheading">
				{devices.length === 1 ? "Device" : `Devices (${devices.length})`}
			</h3>
			<ul className="dash-cp-list" aria-label="Devices">
				{devices.map((device) => (
					<li key={device.id} className="dash-cp-item" title={device.device.userAgent ?? undefined}>
						<span className="dash-cp-strong">{deviceName(device)}</span>
						{device.device.deviceType ? (
							<span className="dash-cp-badge">{DEVICE_TYPE[device.device.deviceType]}</span>
						) : null}
						{device.id === currentVisitorId ? (
							<span className="dash-cp-badge dash-cp-accent">This conversation</span>
						) : null}
						{device.isBlocked ? (
							<span className="dash-cp-badge dash-cp-danger">Blocked</span>
						) : null}
						<div className="dash-cp-muted">
							Last seen{" "}
							<time dateTime={device.lastSeenAt} title={fullTime(device.lastSeenAt)}>
								{relativeTime(device.lastSeenAt)}
							</time>
							{device.language ? ` · ${device.language}` : ""}
							{device.timezone ? ` · ${device.timezone}` : ""}
						</div>
					</li>
				))}
			</ul>
		</div>
	);
}
