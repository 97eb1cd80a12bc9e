/** The two output formats of `check`: JSON for tools, one line per finding for people and editors. */
import { Platform } from '../../shared/domain';
import { translate } from '../../shared/i18n';
import type { Finding } from '../engine/checks';

export interface FileFindings {
  file: string;
  text: string;
  findings: readonly Finding[];
}

export interface JsonFinding {
  file: string;
  kind: Finding['kind'];
  severity: Finding['severity'];
  /** UTF-16 code units into the file's text. */
  start: number;
  end: number;
  text: string;
  message: string;
  suggestions: string[];
}

/** English, as the CLI speaks; a platform id in the parameters is shown by its name ("Review sites", not "reviews"). */
function message(f: Finding): string {
  const platform = f.params.platform;
  const params = typeof platform === 'string' && Platform.safeParse(platform).success ? { ...f.params, platform: translate('en', `platform.${platform as Platform}`) } : f.params;
  return translate('en', f.messageKey, params);
}

export function formatJson(results: readonly FileFindings[]): string {
  const rows: JsonFinding[] = results.flatMap(({ file, findings }) =>
    findings.map((f) => ({ file, kind: f.kind, severity: f.severity, start: f.start, end: f.end, text: f.text, message: message(f), suggestions: f.suggestions })),
  );
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** 1-based line and column; the column counts UTF-16 units, like the JSON offsets. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export function formatText(results: readonly FileFindings[]): string {
  return results
    .flatMap(({ file, text, findings }) =>
      findings.map((f) => {
        const { line, column } = lineAndColumn(text, f.start);
        return `${file}:${line}:${column}: ${f.severity} ${f.kind}: ${message(f)}\n`;
      }),
    )
    .join('');
}
