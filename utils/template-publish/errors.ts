import { formatProblems, type Problem } from '../validate';

/** The template does not validate: nothing rendered or published. `problems` lists every path and message. */
export class InvalidTemplateError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`模板无效，未生成评分表：\n${formatProblems(problems)}`);
    this.name = 'InvalidTemplateError';
    this.problems = problems;
  }
}
