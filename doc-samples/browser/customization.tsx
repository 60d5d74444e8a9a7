// Customization, levels 1 and 2, in the browser: `?sample=level-1` or `?sample=level-2`.
import Level1 from "../customization/level-1.tsx";
import Level2 from "../customization/level-2.tsx";
import { mount, pageParams } from "./mount.tsx";

mount(pageParams.get("sample") === "level-2" ? <Level2 /> : <Level1 />);
