export { ACTION_IDS, ACTIONS, ACTIVE_SCOPES, SCOPES, actionNameKey, scopeNameKey, type ActionDef, type ActionId, type Scope } from './actions';
export { chordToString, formatChord, parseChord, type Chord, type ChordError, type KeyboardPlatform, type ParsedChord, type Stroke } from './chord';
export { DEFAULT_KEYMAP } from './defaults';
export { describeKeymap, type KeymapEntry, type KeymapGroup } from './help';
export { SEQUENCE_TIMEOUT_MS, createMatcher, type KeyEventLike, type Match, type MatchContext, type Matcher } from './matcher';
export type { ReservedUse } from './reserved';
export { KeymapOverrides, resolveKeymap, type Binding, type Conflict, type KeymapSpec, type ResolvedKeymap } from './remap';
