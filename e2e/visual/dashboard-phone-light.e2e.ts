import { test } from "../dashboard/support/dashboard-test.ts";
import { phoneScreens } from "./support/dashboard-screens.ts";

test.use({ serverGroup: "visual-phone-light" });
phoneScreens("light");
