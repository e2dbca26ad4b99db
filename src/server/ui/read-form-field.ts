// A posted form's field as text, for the maintainer's forms of the UI.

/** A form field's text; '' when it is missing or not text. */
export function readField(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}
