/**
 * A counter every engine read and every confirmation takes a number from. A
 * read numbered after an action's confirmation already includes the action;
 * one numbered before it (still out when the action was sent) does not, and the
 * screen keeps laying the action over it.
 */
let last = 0;

export const nextTick = (): number => ++last;
