// Strings of the newsletter area, English and Dutch. Keys start with the area's prefix.
export const en = {
} as const;

export const nl: Record<keyof typeof en, string> = {
};
