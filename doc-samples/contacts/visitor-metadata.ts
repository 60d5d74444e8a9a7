// Contacts: the metadata schema as the docs declare it, checked against the package's both ways.
import type { VisitorMetadata as PackageVisitorMetadata } from "@cossistant/next";

type VisitorMetadata = Record<string, string | number | boolean | null>;

export const documented: VisitorMetadata = {} as PackageVisitorMetadata;
export const packaged: PackageVisitorMetadata = {} as VisitorMetadata;
