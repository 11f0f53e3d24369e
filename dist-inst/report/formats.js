export const FORMATS = ['table', 'md', 'csv', 'json'];
