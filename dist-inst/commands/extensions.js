export function lintExtensions() {
    return [];
}
