import type { Tag } from '../../shared/domain';
import { readableOn } from './tagColors';

/** The conversation's tags in their colours; a tag not (yet) in the directory is left out rather than shown as an id. */
export function TagChips({ tagIds, tagById }: { tagIds: readonly string[]; tagById: ReadonlyMap<string, Tag> }) {
  if (tagIds.length === 0) return null;
  return (
    <span className="tag-chips">
      {tagIds.map((id) => {
        const tag = tagById.get(id);
        if (!tag) return null;
        return (
          <span key={id} className="tag-chip" dir="auto" style={{ background: tag.color, color: readableOn(tag.color) }}>
            {tag.name}
          </span>
        );
      })}
    </span>
  );
}
