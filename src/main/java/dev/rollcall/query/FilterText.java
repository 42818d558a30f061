package dev.rollcall.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Renders filters and literals as canonical filter text. */
final class FilterText {

  private static final int OR = 1;
  private static final int AND = 2;
  private static final int ATOM = 3;

  private FilterText() {}

  static String render(Filter filter) {
    StringBuilder out = new StringBuilder();
    append(out, filter);
    return out.toString();
  }

  private static void append(StringBuilder out, Filter filter) {
    if (filter instanceof Filter.Or || filter instanceof Filter.And) {
      appendChain(out, filter);
    } else if (filter instanceof Filter.Not not) {
      out.append("not (");
      append(out, not.inner());
      out.append(')');
    } else if (filter instanceof Filter.Comparison comparison) {
      out.append(comparison.path().render())
          .append(' ')
          .append(comparison.op().keyword())
          .append(' ')
          .append(literal(comparison.value()));
    } else if (filter instanceof Filter.Present present) {
      out.append(present.path().render()).append(" pr");
    } else if (filter instanceof Filter.ValuePathFilter valuePath) {
      out.append(valuePath.path().render()).append('[');
      append(out, valuePath.inner());
      out.append(']');
    } else {
      throw new IllegalStateException("Unknown filter " + filter.getClass());
    }
  }

  /**
   * Renders a run of {@code and}s (or of {@code or}s). The parser groups them to the left, so a
   * filter of a thousand terms is a tree a thousand levels deep along its left side: walk that side
   * in a loop rather than by recursion. A right operand of the same precedence needs parentheses to
   * come back as the same tree.
   */
  private static void appendChain(StringBuilder out, Filter chain) {
    int precedence = precedence(chain);
    String keyword = chain instanceof Filter.Or ? " or " : " and ";
    Deque<Filter> rightOperands = new ArrayDeque<>();
    Filter node = chain;
    while (node.getClass() == chain.getClass()) {
      rightOperands.push(right(node));
      node = left(node);
    }
    appendOperand(out, node, precedence(node) < precedence);
    while (!rightOperands.isEmpty()) {
      Filter operand = rightOperands.pop();
      out.append(keyword);
      appendOperand(out, operand, precedence(operand) <= precedence);
    }
  }

  /**
   * The operands of {@code root} and of the nodes of {@code type} directly beneath it, left to
   * right, found without recursion.
   */
  static List<Filter> operands(Filter root, Class<? extends Filter> type) {
    List<Filter> operands = new ArrayList<>();
    Deque<Filter> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Filter node = pending.pop();
      if (type.isInstance(node)) {
        pending.push(right(node));
        pending.push(left(node));
      } else {
        operands.add(node);
      }
    }
    return List.copyOf(operands);
  }

  private static Filter left(Filter binary) {
    return binary instanceof Filter.And and ? and.left() : ((Filter.Or) binary).left();
  }

  private static Filter right(Filter binary) {
    return binary instanceof Filter.And and ? and.right() : ((Filter.Or) binary).right();
  }

  private static void appendOperand(StringBuilder out, Filter operand, boolean parenthesize) {
    if (parenthesize) {
      out.append('(');
      append(out, operand);
      out.append(')');
    } else {
      append(out, operand);
    }
  }

  private static int precedence(Filter filter) {
    if (filter instanceof Filter.Or) {
      return OR;
    }
    if (filter instanceof Filter.And) {
      return AND;
    }
    return ATOM;
  }

  static String literal(Literal literal) {
    if (literal instanceof Literal.StringLiteral string) {
      return quote(string.value());
    }
    if (literal instanceof Literal.NumberLiteral number) {
      // BigDecimal.toString is always a valid JSON number and reads back to an equal BigDecimal.
      return number.value().toString();
    }
    if (literal instanceof Literal.BooleanLiteral bool) {
      return bool.value() ? "true" : "false";
    }
    return "null";
  }

  /** The string as a JSON string literal. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * Checks the inside of a value filter: attribute paths relative to the multi-valued attribute (no
   * schema URN, no sub-attribute) and no nested value filter.
   */
  static void requireRelative(Filter inner) {
    Deque<Filter> pending = new ArrayDeque<>();
    pending.push(inner);
    while (!pending.isEmpty()) {
      Filter node = pending.pop();
      if (node instanceof Filter.And || node instanceof Filter.Or) {
        pending.push(left(node));
        pending.push(right(node));
      } else if (node instanceof Filter.Not not) {
        pending.push(not.inner());
      } else if (node instanceof Filter.Comparison comparison) {
        requireRelative(comparison.path());
      } else if (node instanceof Filter.Present present) {
        requireRelative(present.path());
      } else if (node instanceof Filter.ValuePathFilter valuePath) {
        throw new IllegalArgumentException("Value filters cannot be nested: " + valuePath.render());
      }
    }
  }

  private static void requireRelative(AttributePath path) {
    if (path.hasSchemaUrn() || path.hasSubAttribute()) {
      throw new IllegalArgumentException(
          "Inside a value filter an attribute path is a plain sub-attribute name, not " + path);
    }
  }
}
