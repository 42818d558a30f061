package dev.rollcall.scim.filter;

import dev.rollcall.query.AttributePath;
import dev.rollcall.query.CompareOp;
import dev.rollcall.query.Filter;
import dev.rollcall.query.Literal;
import dev.rollcall.scim.filter.Lexer.Kind;
import dev.rollcall.scim.filter.Lexer.Token;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for RFC 7644 filters (§3.4.2.2, Figure 1), PATCH paths (§3.5.2) and
 * plain attribute paths (§3.10). One instance parses one text.
 *
 * <pre>
 * filter     = orExpr
 * orExpr     = andExpr *(SP "or" SP andExpr)            ; grouped to the left
 * andExpr    = unary *(SP "and" SP unary)               ; grouped to the left
 * unary      = "not" [SP] "(" orExpr ")" / "(" orExpr ")" / attrExpr
 * attrExpr   = attrPath SP "pr" / attrPath SP compareOp SP compValue
 *            / attrPath "[" orExpr "]" [subAttr (SP "pr" / SP compareOp SP compValue)]
 * patchPath  = attrPath / attrPath "[" orExpr "]" [subAttr]
 * attrPath   = [URN ":"] ATTRNAME [subAttr]
 * </pre>
 *
 * Inside brackets attribute paths are bare names and brackets do not nest (errata 4690 and 7322 to
 * RFC 7644). Whitespace may be repeated and may surround brackets and parentheses; it is required
 * between two words, strings or numbers.
 */
final class Parser {

  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

  private static final String COMPARISON_OPERATORS = "eq, ne, co, sw, ew, gt, ge, lt, le, pr";

  private final String text;

  /** Whether errors outside a value filter are path errors (PATCH and attribute paths). */
  private final boolean pathSyntax;

  private final Lexer lexer;
  private Token lookahead;
  private int depth;

  /** The attribute whose value filter is being parsed, or null outside brackets. */
  private AttributePath valueFilterOwner;

  private Parser(String text, boolean pathSyntax) {
    this.text = text;
    this.pathSyntax = pathSyntax;
    this.lexer = new Lexer(text, this::error);
  }

  static Filter parseFilter(String text) {
    Objects.requireNonNull(text, "filter");
    Parser parser = new Parser(text, false);
    parser.checkSize("filter");
    Filter filter = parser.orExpression();
    Token after = parser.peek();
    if (after.kind() != Kind.END) {
      throw parser.error(after.start(), parser.unexpectedAfterExpression(after, null));
    }
    return filter;
  }

  static PatchPath parsePatchPath(String text) {
    Objects.requireNonNull(text, "path");
    Parser parser = new Parser(text, true);
    parser.checkSize("path");
    AttributePath attribute = parser.leadingAttributePath();
    Token next = parser.peek();
    if (next.kind() == Kind.END) {
      return new PatchPath(attribute, null, null);
    }
    if (next.kind() != Kind.LBRACKET) {
      throw parser.error(
          next.start(), "expected '[' or the end of the path, found " + next.describe());
    }
    Filter valueFilter = parser.valueFilter(attribute);
    String subAttribute = null;
    Token after = parser.peek();
    if (isAttachedSubAttribute(after)) {
      parser.next();
      subAttribute = parser.subAttributeName(after);
      after = parser.peek();
    }
    if (after.kind() != Kind.END) {
      throw parser.error(
          after.start(),
          "expected '.' and a sub-attribute name or the end of the path, found "
              + after.describe());
    }
    return new PatchPath(attribute, valueFilter, subAttribute);
  }

  static AttributePath parseAttributePath(String text) {
    Objects.requireNonNull(text, "path");
    Parser parser = new Parser(text, true);
    parser.checkSize("path");
    AttributePath path = parser.leadingAttributePath();
    Token after = parser.peek();
    if (after.kind() != Kind.END) {
      throw parser.error(after.start(), "expected the end of the path, found " + after.describe());
    }
    return path;
  }

  // ---- errors and tokens ----

  private RuntimeException error(int index, String detail) {
    int position = index + 1;
    return pathSyntax && valueFilterOwner == null
        ? new InvalidPathException(position, detail)
        : new InvalidFilterException(position, detail);
  }

  private void checkSize(String what) {
    if (text.length() > FilterParser.MAX_LENGTH) {
      throw error(
          FilterParser.MAX_LENGTH,
          "the " + what + " is longer than " + FilterParser.MAX_LENGTH + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      if (!Lexer.isSpace(text.charAt(i))) {
        return;
      }
    }
    throw error(0, "the " + what + " is empty");
  }

  private Token peek() {
    if (lookahead == null) {
      lookahead = lexer.next();
    }
    return lookahead;
  }

  private Token next() {
    Token token = peek();
    lookahead = null;
    return token;
  }

  private void open(Token bracket) {
    depth++;
    if (depth > FilterParser.MAX_DEPTH) {
      throw error(
          bracket.start(),
          "the filter nests more than "
              + FilterParser.MAX_DEPTH
              + " levels of parentheses and brackets");
    }
  }

  /** Consumes the ')' or ']' that closes {@code opening}, or explains what is there instead. */
  private void close(Token opening) {
    Kind closing = opening.kind() == Kind.LPAREN ? Kind.RPAREN : Kind.RBRACKET;
    Token token = peek();
    if (token.kind() != closing) {
      throw error(token.start(), unexpectedAfterExpression(token, opening));
    }
    next();
    depth--;
  }

  /** Explains a token found where an expression could have ended (inside {@code opening}). */
  private String unexpectedAfterExpression(Token found, Token opening) {
    if (opening == null) {
      if (found.kind() == Kind.RPAREN) {
        return "found ')' without a matching '('";
      }
      if (found.kind() == Kind.RBRACKET) {
        return "found ']' without a matching '['";
      }
      return "expected 'and', 'or' or end of input, found " + found.describe();
    }
    String closing = opening.kind() == Kind.LPAREN ? ")" : "]";
    if (found.kind() == Kind.END) {
      return "expected '"
          + closing
          + "' to close the '"
          + opening.text()
          + "' at position "
          + (opening.start() + 1)
          + ", found end of input";
    }
    return "expected 'and', 'or' or '" + closing + "', found " + found.describe();
  }

  // ---- filters ----

  private Filter orExpression() {
    Filter left = andExpression();
    while (peek().isKeyword("or")) {
      next();
      left = new Filter.Or(left, andExpression());
    }
    return left;
  }

  private Filter andExpression() {
    Filter left = unary();
    while (peek().isKeyword("and")) {
      next();
      left = new Filter.And(left, unary());
    }
    return left;
  }

  private Filter unary() {
    Token token = peek();
    if (token.kind() == Kind.LPAREN) {
      next();
      open(token);
      Filter inner = orExpression();
      close(token);
      return inner;
    }
    if (token.isKeyword("not")) {
      next();
      Token opening = peek();
      if (opening.kind() != Kind.LPAREN) {
        throw error(
            opening.start(),
            "expected '(' after 'not' (write not (expression)), found " + opening.describe());
      }
      next();
      open(opening);
      Filter inner = orExpression();
      close(opening);
      return new Filter.Not(inner);
    }
    if (token.kind() == Kind.WORD && !token.isKeyword("and") && !token.isKeyword("or")) {
      return attributeExpression();
    }
    throw error(
        token.start(), "expected an attribute path, 'not' or '(', found " + token.describe());
  }

  private Filter attributeExpression() {
    Token word = next();
    AttributePath path = attributePath(word);
    if (peek().kind() != Kind.LBRACKET) {
      return comparison(path);
    }
    Filter inner = valueFilter(path);
    Token after = peek();
    if (isAttachedSubAttribute(after)) {
      // Not in RFC 7644's filter grammar, which allows a sub-attribute after a value filter only in
      // PATCH paths, but Microsoft Entra ID sends filters like
      //   emails[type eq "work"].value eq "bjensen@example.com"
      // We read that as emails[type eq "work" and value eq "bjensen@example.com"], which is what
      // it means: one email value is of type work and has that address.
      next();
      AttributePath subAttribute = AttributePath.of(subAttributeName(after));
      inner = new Filter.And(inner, comparison(subAttribute));
    }
    return new Filter.ValuePathFilter(path, inner);
  }

  /** Parses {@code [ filter ]} after {@code owner}; the next token is the '['. */
  private Filter valueFilter(AttributePath owner) {
    Token opening = peek();
    if (valueFilterOwner != null) {
      throw error(
          opening.start(),
          "value filters cannot be nested: found '[' inside '" + valueFilterOwner + "[...]'");
    }
    if (owner.hasSubAttribute()) {
      throw error(
          opening.start(),
          "a value filter '[...]' applies to a multi-valued attribute, not to the sub-attribute '"
              + owner
              + "'");
    }
    next();
    open(opening);
    valueFilterOwner = owner;
    Filter inner = orExpression();
    peek();
    // The closing bracket belongs to the path around the value filter.
    valueFilterOwner = null;
    close(opening);
    return inner;
  }

  private Filter comparison(AttributePath path) {
    Token operator = peek();
    if (operator.isKeyword("pr")) {
      next();
      return new Filter.Present(path);
    }
    Optional<CompareOp> op =
        operator.kind() == Kind.WORD ? CompareOp.fromKeyword(operator.text()) : Optional.empty();
    if (op.isEmpty()) {
      throw error(
          operator.start(),
          "expected a comparison operator ("
              + COMPARISON_OPERATORS
              + "), found "
              + operator.describe());
    }
    next();
    Token valueToken = next();
    Literal value = literal(valueToken);
    if (!op.get().accepts(value)) {
      throw error(valueToken.start(), unacceptableValue(op.get(), value));
    }
    return new Filter.Comparison(path, op.get(), value);
  }

  private static String unacceptableValue(CompareOp op, Literal value) {
    String keyword = "'" + op.keyword() + "'";
    if (op.isSubstringMatch()) {
      return keyword + " needs a string value, found " + value.render();
    }
    if (value instanceof Literal.NullLiteral) {
      return keyword + " cannot be used with null; use pr to test whether a value is present";
    }
    return keyword + " cannot be used with a boolean value; use eq or ne";
  }

  private Literal literal(Token token) {
    switch (token.kind()) {
      case STRING:
        return Literal.of(token.string());
      case NUMBER:
        return number(token);
      case WORD:
        if (token.isKeyword("true")) {
          return Literal.of(true);
        }
        if (token.isKeyword("false")) {
          return Literal.of(false);
        }
        if (token.isKeyword("null")) {
          return Literal.NULL;
        }
        break;
      default:
        break;
    }
    throw error(
        token.start(),
        "expected a value (a string in double quotes, a number, true, false or null), found "
            + token.describe());
  }

  private Literal number(Token token) {
    if (!JSON_NUMBER.matcher(token.text()).matches()) {
      throw error(
          token.start(),
          "invalid number "
              + token.describe()
              + " (expected a JSON number such as 42, -1.5 or 6.02e23)");
    }
    try {
      return Literal.of(new BigDecimal(token.text()));
    } catch (NumberFormatException e) {
      throw error(token.start(), "the number " + token.describe() + " is out of range");
    }
  }

  // ---- attribute paths ----

  private AttributePath leadingAttributePath() {
    Token word = next();
    if (word.kind() != Kind.WORD) {
      throw error(word.start(), "expected an attribute path, found " + word.describe());
    }
    return attributePath(word);
  }

  /**
   * Reads a word as {@code [urn ":"] name ["." name]}. When it starts with {@code urn:}, the URN is
   * everything up to the last ':'.
   */
  private AttributePath attributePath(Token word) {
    String path = word.text();
    int base = word.start();
    String urn = null;
    int nameStart = 0;
    if (path.regionMatches(true, 0, "urn:", 0, 4)) {
      int colon = path.lastIndexOf(':');
      urn = path.substring(0, colon);
      checkUrn(urn, path, base);
      nameStart = colon + 1;
      if (nameStart == path.length()) {
        throw error(
            base + nameStart,
            "expected an attribute name after the schema URN '" + Lexer.shorten(urn) + ":'");
      }
    }
    int attributeEnd = nameEnd(path, nameStart);
    if (attributeEnd == nameStart) {
      throw error(
          base + nameStart,
          "expected an attribute name (a letter followed by letters, digits, '-' or '_'), found '"
              + Lexer.shorten(path.substring(nameStart))
              + "'");
    }
    String subAttribute = null;
    int end = attributeEnd;
    if (end < path.length() && path.charAt(end) == '.') {
      int subEnd = nameEnd(path, end + 1);
      if (subEnd == end + 1) {
        throw error(
            base + end + 1,
            "expected a sub-attribute name after '.' in '" + Lexer.shorten(path) + "'");
      }
      subAttribute = path.substring(end + 1, subEnd);
      end = subEnd;
    }
    if (end < path.length()) {
      throw error(base + end, unexpectedInPath(path, end));
    }
    if (valueFilterOwner != null && urn != null) {
      throw error(
          base,
          "inside '"
              + valueFilterOwner
              + "[...]' attributes are named relative to '"
              + valueFilterOwner
              + "', without a schema URN");
    }
    if (valueFilterOwner != null && subAttribute != null) {
      throw error(
          base + attributeEnd,
          "inside '"
              + valueFilterOwner
              + "[...]' attributes are named relative to '"
              + valueFilterOwner
              + "' and have no sub-attributes, found '"
              + Lexer.shorten(path)
              + "'");
    }
    return new AttributePath(urn, path.substring(nameStart, attributeEnd), subAttribute);
  }

  /** The name in a word {@code .name} that directly follows a value filter's ']'. */
  private String subAttributeName(Token word) {
    String path = word.text();
    int end = nameEnd(path, 1);
    if (end == 1) {
      throw error(word.start() + 1, "expected a sub-attribute name after '.'");
    }
    if (end < path.length()) {
      throw error(word.start() + end, unexpectedInPath(path, end));
    }
    return path.substring(1);
  }

  private static boolean isAttachedSubAttribute(Token token) {
    return token.kind() == Kind.WORD && token.text().startsWith(".") && !token.spaceBefore();
  }

  private static String unexpectedInPath(String text, int index) {
    char c = text.charAt(index);
    String path = Lexer.shorten(text);
    if (c == '.') {
      return "an attribute path has at most one sub-attribute, found '" + path + "'";
    }
    if (c == ':') {
      return "unexpected ':' in attribute path '"
          + path
          + "' (a schema-qualified path starts with 'urn:')";
    }
    return "unexpected character '" + c + "' in attribute path '" + path + "'";
  }

  /**
   * The end of the attribute name (RFC 7643 ATTRNAME: ALPHA *(ALPHA / DIGIT / "-" / "_")) starting
   * at {@code start}, or {@code start} if there is none. {@code $ref} is accepted as well: RFC 7643
   * defines it as a sub-attribute name although the ABNF leaves out '$'.
   */
  private static int nameEnd(String path, int start) {
    if (path.regionMatches(true, start, "$ref", 0, 4)) {
      int end = start + 4;
      if (end == path.length() || !isNameChar(path.charAt(end))) {
        return end;
      }
    }
    if (start >= path.length() || !isAsciiLetter(path.charAt(start))) {
      return start;
    }
    int end = start + 1;
    while (end < path.length() && isNameChar(path.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isNameChar(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_';
  }

  /** Checks {@code urn:<namespace>:<specific part>} (RFC 8141, loosely). */
  private void checkUrn(String urn, String path, int base) {
    int namespaceEnd = urn.indexOf(':', 4);
    if (namespaceEnd < 0 || namespaceEnd == 4 || namespaceEnd == urn.length() - 1) {
      throw error(
          base,
          "expected a schema URN of the form urn:<namespace>:<name> before the attribute name,"
              + " found '"
              + Lexer.shorten(path)
              + "'");
    }
    for (int i = 4; i < urn.length(); i++) {
      char c = urn.charAt(i);
      boolean allowed =
          i < namespaceEnd ? isAsciiLetter(c) || isDigit(c) || c == '-' : isUrnChar(c);
      if (!allowed) {
        throw error(
            base + i,
            "unexpected character '" + c + "' in schema URN '" + Lexer.shorten(urn) + "'");
      }
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isUrnChar(char c) {
    return isAsciiLetter(c) || isDigit(c) || "-._~%!$&'*+,;=:@/".indexOf(c) >= 0;
  }
}
