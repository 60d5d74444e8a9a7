import { test } from "../dashboard/support/dashboard-test.ts";
import { desktopScreens } from "./support/dashboard-screens.ts";

test.use({ serverGroup: "visual-desktop-dark" });
desktopScreens("dark");
