/** The id of the input for a field name, so error summary links land on it. */
export function fieldId(name: string): string {
	return `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/** The ids of a field's hint and error message, for aria-describedby. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
	return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}
