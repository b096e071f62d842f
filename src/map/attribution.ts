/**
 * Leaflet writes a layer's attribution into the page as HTML. Every
 * attribution the finder shows comes from a host's attribute or a data file,
 * so it goes in as escaped plain text, never as markup.
 */
export function attributionHtml(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`) : undefined;
}
