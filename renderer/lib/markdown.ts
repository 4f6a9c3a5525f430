/**
 * User Markdown (talking points, library notes, lesson bodies) to HTML that is
 * safe to insert: marked renders, DOMPurify removes scripts, event handlers and
 * javascript: URLs, and here also <style> (a stylesheet in a note could restyle
 * or hide the whole app), style attributes, forms and frames. One policy for
 * every place that shows user Markdown.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

export const SANITIZE_POLICY = {
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base'],
  FORBID_ATTR: ['style', 'srcset', 'formaction'],
};

// An image written without a description is decorative to a screen reader (alt=""), never an unnamed image.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'IMG' && !node.hasAttribute('alt')) node.setAttribute('alt', '');
});

export function safeMarkdownHtml(md: string, opts: { breaks?: boolean } = {}): string {
  const html = marked.parse(md, { async: false, gfm: true, breaks: opts.breaks ?? false });
  return DOMPurify.sanitize(html, SANITIZE_POLICY);
}
