/** Why a report was refused: each error carries the details a caller shows to a person. */
import type { Problem } from '../validate';
import { formatProblems } from '../validate';
import { formatUnprintable, type UnprintableField } from './glyph-check';

/** The record does not validate: no PDF. `problems` lists every path and Chinese message. */
export class InvalidRecordError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`记录无效，未生成报告：\n${formatProblems(problems)}`);
    this.name = 'InvalidRecordError';
    this.problems = problems;
  }
}

/** Some printed text has characters no font can print: no PDF with holes. */
export class UnprintableError extends Error {
  readonly fields: UnprintableField[];
  constructor(fields: UnprintableField[]) {
    super(`以下内容含有报告字体无法打印的字符（如扩展区生僻字、表情符号），未生成报告；请改用常用字或删去这些字符：\n${formatUnprintable(fields)}`);
    this.name = 'UnprintableError';
    this.fields = fields;
  }
}

/** An observer's signature image cannot be read. */
export class SignatureImageError extends Error {
  constructor(observerName: string, why: string) {
    super(`巡听人员「${observerName}」的签名图像无法读取（${why}），未生成报告；请重新签名`);
    this.name = 'SignatureImageError';
  }
}
