export const FORMATS = ['table', 'md', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];
