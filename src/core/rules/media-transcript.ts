import { z } from 'zod';
import { elements, htmlAttributes, withoutComments } from '../analysis/elements';
import { MEDIA_EMBED } from '../dialects/templates';
import type { LessonDocument, OffsetRange } from '../document/model';
import { allMatches } from '../text/matches';
import { defineRule } from './rule';
import { oneLine } from '../text/pattern';

const VIDEO_HOST = new RegExp(
  oneLine`
    ^(?:https?:)?\/\/(?:[\w-]+\.)*(?:youtube(?:-nocookie)?\.com\/(?:watch|embed|shorts|live|v\/)|youtu\.be\/|
    vimeo\.com\/(?:video\/)?\d|player\.vimeo\.com\/|loom\.com\/(?:share|embed)\/|dailymotion\.com\/(?:video|embed)\/|dai\.ly\/|
    ted\.com\/talks\/|fast\.wistia\.(?:net|com)\/|[\w-]+\.hosted\.panopto\.com\/|[\w-]+\.kaltura\.com\/|twitch\.tv\/videos\/)`,
  'i',
);
const AUDIO_HOST = /^(?:https?:)?\/\/(?:[\w-]+\.)*(?:soundcloud\.com\/|open\.spotify\.com\/(?:episode|show|embed)|podcasts\.apple\.com\/)/i;
const MEDIA_FILE = /\.(?:mp4|m4v|webm|ogv|mov|mkv|avi|mp3|m4a|wav|oga|ogg|flac|aac|opus)(?:[?#]|$)/i;
const AUDIO_FILE = /\.(?:mp3|m4a|wav|oga|ogg|flac|aac|opus)(?:[?#]|$)/i;
const MEDIA_TAG = /<(video|audio|iframe)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const CAPTIONS = /\b(?:transcripts?|transcribed|captions|captioned|closed[- ]caption(?:s|ed|ing)?|subtitles|subtitled|cc_load_policy=1)\b/i;
const TRACK = /<track\b[^>]*\bkind\s*=\s*["']?(?:captions|subtitles|descriptions)\b/i;

interface Embed extends OffsetRange {
  kind: 'video' | 'audio';
  /** For `<video>`/`<audio>`: the element up to its closing tag, where `<track>` lives. */
  element?: OffsetRange;
}

export default defineRule({
  id: 'media-transcript',
  category: 'accessibility',
  description: 'Embedded video and audio come with a transcript or captions.',
  defaultSeverity: 'warning',
  options: z
    .object({
      lines: z
        .number()
        .int()
        .min(0)
        .default(10)
        .describe('How many lines after the media a transcript or captions link may be, when it is not in the same section.'),
      links: z
        .boolean()
        .default(false)
        .describe(
          'Also check plain links to videos and audio files ("watch [this talk](https://youtu.be/…)"), not only embeds, ' +
            'players and linked video thumbnails.',
        ),
    })
    .strict(),
  docs: {
    rationale:
      'Learners who are deaf or hard of hearing, who work in a noisy or quiet place, ' +
      'or who read faster than a video plays need the words as text. ' +
      'A transcript or captions make the media part of the lesson for all of them; ' +
      'automatic captions are often wrong on technical terms. ' +
      'Embeds are checked (`<video>`, `<audio>`, `<iframe>` players, `{% include youtube.html %}` and similar, ' +
      'and a thumbnail linked to a video); plain links to videos ' +
      'only when the `links` option is on.',
    howToFix:
      'Add a transcript link or say where the captions are, in the same section: "[Transcript](…)", ' +
      '"Captions are available in the player (CC)", or a ' +
      '`<track kind="captions" src="…">` inside `<video>`.',
  },
  check({ doc, options, report }) {
    for (const embed of findEmbeds(doc, options.links)) {
      if (hasCaptions(doc, embed, options.lines)) continue;
      const what = embed.kind === 'audio' ? 'audio' : 'video';
      report({
        start: embed.start,
        end: embed.end,
        message: `Unexpected ${what} without a transcript or captions, expected a transcript link or a note on captions nearby.`,
      });
    }
  },
});

function mediaKind(url: string): Embed['kind'] | undefined {
  if (AUDIO_HOST.test(url) || AUDIO_FILE.test(url)) return 'audio';
  if (VIDEO_HOST.test(url) || MEDIA_FILE.test(url)) return 'video';
  return undefined;
}

function findEmbeds(doc: LessonDocument, links: boolean): Embed[] {
  const { html, links: allLinks, code } = elements(doc);
  const embeds: Embed[] = [];
  for (const block of html) {
    for (const tag of allMatches(MEDIA_TAG, withoutComments(block.value))) {
      const start = block.start + (tag.index ?? 0);
      const name = tag[1].toLowerCase();
      const end = start + tag[0].length;
      if (name === 'iframe') {
        const kind = mediaKind(htmlAttributes(tag[0]).find((attribute) => attribute.name === 'src')?.value ?? '');
        if (kind) embeds.push({ start, end, kind });
      } else {
        const closing = new RegExp(`</${name}\\s*>`, 'gi');
        closing.lastIndex = end;
        const close = closing.exec(doc.text);
        embeds.push({ start, end, kind: name === 'audio' ? 'audio' : 'video', element: { start, end: close ? close.index : end } });
      }
    }
  }
  for (const link of allLinks) {
    const kind = mediaKind(link.url);
    if (kind && (link.imageOnly || links)) embeds.push({ start: link.start, end: link.end, kind });
  }
  for (const match of doc.text.slice(doc.body.start).matchAll(MEDIA_EMBED)) {
    const start = doc.body.start + (match.index ?? 0);
    const end = start + match[0].length;
    if (code.some((range) => range.start <= start && end <= range.end)) continue;
    embeds.push({ start, end, kind: /audio|podcast/i.test(match[0]) ? 'audio' : 'video' });
  }
  return embeds.sort((a, b) => a.start - b.start);
}

/**
 * A caption track inside the element, the words in its own markup (`cc_load_policy=1`), in its section, or within `lines` lines after it;
 * not in an HTML comment, which learners never see.
 */
function hasCaptions(doc: LessonDocument, embed: Embed, lines: number): boolean {
  if (embed.element && TRACK.test(doc.text.slice(embed.element.start, embed.element.end))) return true;
  if (CAPTIONS.test(doc.text.slice(embed.start, embed.end))) return true;
  const heading = doc.headings.filter((candidate) => candidate.start <= embed.start && embed.start < candidate.sectionEnd).at(-1);
  const section = heading ? { start: heading.start, end: heading.sectionEnd } : { start: doc.body.start, end: embed.end };
  const after = doc.lines.lineEnd(Math.min(doc.lines.lineCount - 1, doc.lines.lineAt(embed.end) + lines));
  return CAPTIONS.test(withoutComments(doc.text.slice(section.start, Math.max(section.end, after))));
}
