package dev.rollcall.statement;

import dev.rollcall.statement.Token.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the tokens of one statement for the parser and builds its error messages. It remembers the
 * optional keywords tried at the current token, so that a statement ending in garbage reports e.g.
 * "expected WITH or end of statement".
 */
final class TokenCursor {

  private final List<Token> tokens;
  private final List<String> optionalHere = new ArrayList<>();
  private int index;

  TokenCursor(List<Token> tokens) {
    this.tokens = tokens;
  }

  Token peek() {
    return tokens.get(index);
  }

  Token next() {
    Token token = peek();
    if (token.type() != Type.END) {
      index++;
      optionalHere.clear();
    }
    return token;
  }

  /** Consumes the keyword if it comes next. */
  boolean acceptKeyword(String keyword) {
    if (peek().isKeyword(keyword)) {
      next();
      return true;
    }
    if (!optionalHere.contains(keyword)) {
      optionalHere.add(keyword);
    }
    return false;
  }

  /** Consumes the keyword or fails with "expected KEYWORD context, found ...". */
  void expectKeyword(String keyword, String context) {
    if (!peek().isKeyword(keyword)) {
      throw unexpected(keyword + " " + context);
    }
    next();
  }

  boolean accept(Type type) {
    if (peek().type() == type) {
      next();
      return true;
    }
    return false;
  }

  /** Consumes a token of this type or fails with "expected {expectation}, found ...". */
  Token expect(Type type, String expectation) {
    if (peek().type() != type) {
      throw unexpected(expectation);
    }
    return next();
  }

  /** Requires the end of the text, allowing one trailing semicolon. */
  void expectEnd() {
    Token token = peek();
    if (token.type() == Type.SEMICOLON) {
      next();
      if (peek().type() != Type.END) {
        throw unexpected("end of statement after ';' (only one statement per request)");
      }
    } else if (token.type() != Type.END) {
      List<String> expected = new ArrayList<>(optionalHere);
      expected.add("end of statement");
      throw unexpected(oneOf(expected));
    }
  }

  /** "expected {expectation}, found {next token}" at the next token. */
  StatementSyntaxException unexpected(String expectation) {
    return unexpected(peek(), expectation);
  }

  static StatementSyntaxException unexpected(Token token, String expectation) {
    return error(token, "expected " + expectation + ", found " + token.describe());
  }

  static StatementSyntaxException error(Token token, String detail) {
    return new StatementSyntaxException(token.line(), token.column(), detail);
  }

  /** "A", "A or B", "A, B or C". */
  static String oneOf(List<String> alternatives) {
    int last = alternatives.size() - 1;
    if (last == 0) {
      return alternatives.get(0);
    }
    return String.join(", ", alternatives.subList(0, last)) + " or " + alternatives.get(last);
  }
}
