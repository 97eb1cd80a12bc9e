/**
 * Calls in a rolling hour against an allowance, reported the way Graph does
 * for Page tokens: `X-Business-Use-Case-Usage` with percentages that rise
 * with every call, and a regain estimate (minutes) once the allowance is spent.
 */
const HOUR_MS = 60 * 60_000;

export class UsageMeter {
  private calls: number[] = [];

  constructor(
    private readonly pageId: string,
    private readonly callsPerHour: number,
    private readonly now: () => number,
  ) {}

  /** Counts a call; false when the allowance is spent (the call is refused and not counted). */
  admit(): boolean {
    this.expire();
    if (this.calls.length >= this.callsPerHour) return false;
    this.calls.push(this.now());
    return true;
  }

  percent(): number {
    this.expire();
    return Math.floor((100 * this.calls.length) / this.callsPerHour);
  }

  /** Whole minutes until the oldest call leaves the window; 0 while calls are still admitted. */
  regainMinutes(): number {
    this.expire();
    if (this.calls.length < this.callsPerHour) return 0;
    return Math.ceil((this.calls[0]! + HOUR_MS - this.now()) / 60_000);
  }

  headers(): Record<string, string> {
    const percent = this.percent();
    const entry = { type: 'pages', call_count: percent, total_cputime: Math.floor(percent / 2), total_time: Math.floor(percent / 2), estimated_time_to_regain_access: this.regainMinutes() };
    return { 'x-business-use-case-usage': JSON.stringify({ [this.pageId]: [entry] }) };
  }

  private expire(): void {
    const from = this.now() - HOUR_MS;
    while (this.calls.length > 0 && this.calls[0]! <= from) this.calls.shift();
  }
}
