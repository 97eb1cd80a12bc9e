import { BRAND } from './brand';
import type { LanguageCorpus, Mood, ReviewTone, Topic } from './corpus';
import type { Gender } from './people';
import type { Rng } from './prng';

/** Who is speaking in a thread and about what: every message of the thread is worded from it. */
export interface Voice {
  corpus: LanguageCorpus;
  gender: Gender;
  mood: Mood;
  topic: Topic;
  /** Slot values fixed for the whole thread, so follow-ups name the same order, product and city. */
  slots: Readonly<Record<string, string>>;
}

const SLOT = /\{(?:g:([^|}]*)\|([^}]*)|(\w+))\}/g;

/** Fills a corpus template (syntax in corpus/types.ts). A slot without a value is a corpus bug, so it throws. */
function fill(template: string, slots: Readonly<Record<string, string>>, gender: Gender): string {
  return template.replace(SLOT, (_match, masculine: string | undefined, feminine: string | undefined, name: string | undefined) => {
    if (name === undefined) return gender === 'f' ? feminine! : masculine!;
    const value = slots[name];
    if (value === undefined) throw new Error(`Template slot {${name}} has no value in "${template}"`);
    return value;
  });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Words customers' messages from the corpus: fragments with slots, combined so texts rarely repeat. */
export class Composer {
  constructor(private readonly rng: Rng) {}

  /** A direct message: greeting, the point, maybe a detail and a sign-off. */
  letter(voice: Voice): string {
    const { corpus, mood, topic } = voice;
    const parts = [
      this.rng.chance(0.7) ? this.say(voice, corpus.greetings[mood]) : '',
      this.say(voice, corpus.bodies[topic]),
      this.rng.chance(0.45) ? this.say(voice, corpus.details[mood]) : '',
      this.rng.chance(0.45) ? this.say(voice, corpus.closings[mood]) : '',
    ].filter(Boolean);
    return parts.join(this.rng.chance(0.3) ? '\n' : ' ');
  }

  /** A comment under one of the brand's posts: shorter, rarely a greeting. */
  comment(voice: Voice): string {
    const body = this.say(voice, voice.corpus.bodies[voice.topic]);
    return this.rng.chance(0.35) ? `${body} ${this.say(voice, voice.corpus.details[voice.mood])}` : body;
  }

  /** A public post that tags the brand. */
  mention(voice: Voice): string {
    if (this.rng.chance(0.55)) return this.say(voice, voice.corpus.mentions[voice.mood]);
    return `${BRAND.handle} ${this.say(voice, voice.corpus.bodies[voice.topic])}`;
  }

  review(voice: Voice, tone: ReviewTone): string {
    const text = this.say(voice, voice.corpus.reviews[tone]);
    return this.rng.chance(0.35) ? `${text} ${this.say(voice, voice.corpus.details[voice.mood])}` : text;
  }

  followUp(voice: Voice): string {
    return this.say(voice, voice.corpus.followUps[voice.mood]);
  }

  afterReply(voice: Voice): string {
    return this.say(voice, voice.corpus.afterReply[voice.mood]);
  }

  brandReply(voice: Voice): string {
    return this.say(voice, voice.corpus.brandReplies[voice.mood]);
  }

  contact(voice: Voice, via: 'email' | 'phone'): string {
    return this.say(voice, voice.corpus.contact[via]);
  }

  /**
   * The detailed story of one order, in paragraphs, at least `minChars` long
   * and never longer than `maxChars`. Some sentences are left out so no two
   * stories are the same; when the story runs out it starts over ("as I
   * said…"), as people do in long complaints.
   */
  story(voice: Voice, minChars: number, maxChars: number): string {
    const { story, storyRestart } = voice.corpus;
    const paragraphs: string[][] = [[]];
    let length = 0;
    for (let index = 0; length < minChars && index < story.length * 10; index++) {
      const position = index % story.length;
      if (position > 0 && this.rng.chance(0.2)) continue;
      const opensParagraph = position === 0 || paragraphs[paragraphs.length - 1]!.length >= this.rng.int(3, 5);
      let sentence = this.say(voice, [story[position]!]);
      if (position === 0 && index > 0) sentence = `${this.say(voice, storyRestart)} ${sentence}`;
      const added = sentence.length + (opensParagraph ? 2 : 1);
      if (length + added > maxChars) break;
      if (opensParagraph && paragraphs[paragraphs.length - 1]!.length > 0) paragraphs.push([]);
      paragraphs[paragraphs.length - 1]!.push(sentence);
      length += added;
    }
    return paragraphs.map((sentences) => sentences.join(' ')).join('\n\n');
  }

  private say(voice: Voice, templates: readonly string[]): string {
    const slots = { ...voice.slots, days: voice.corpus.days(this.rng.int(2, 21)) };
    return capitalize(fill(this.rng.pick(templates), slots, voice.gender));
  }
}
