/** The id of the input for a field name, so error summary links land on it. */
export function fieldId(name: string): string {
	return `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}
