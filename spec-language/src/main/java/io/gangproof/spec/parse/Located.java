package io.gangproof.spec.parse;

import org.antlr.v4.runtime.ParserRuleContext;

/** A declaration with the file it was read from, so that its diagnostics name the right file. */
record Located<T extends ParserRuleContext>(SourceFile file, T ctx) {
}
