package dev.rollcall.query;

import java.util.List;
import java.util.Objects;

/**
 * A search filter, shaped as RFC 7644 §3.4.2.2 defines it. The SCIM filter parser builds one; turn
 * it back into text with {@link #render()}, for which {@code FilterParser.parse(f.render())} equals
 * {@code f}. The records' {@code toString} is that text too.
 */
public sealed interface Filter {

  /**
   * The canonical filter text: lower-case keywords, single spaces, parentheses only where needed.
   */
  default String render() {
    return FilterText.render(this);
  }

  /** {@code left and right}. */
  record And(Filter left, Filter right) implements Filter {
    public And {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    /**
     * The operands of this {@code and} and of the {@code and}s directly beneath it, left to right:
     * {@code a and b and c} gives {@code [a, b, c]} however it is grouped. A parsed chain can be as
     * long as the filter allows (about a thousand terms) and is that deep along its left side, so
     * walk it with this list rather than by recursion.
     */
    public List<Filter> operands() {
      return FilterText.operands(this, And.class);
    }

    @Override
    public String toString() {
      return render();
    }
  }

  /** {@code left or right}. */
  record Or(Filter left, Filter right) implements Filter {
    public Or {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    /**
     * The operands of this {@code or} and of the {@code or}s directly beneath it, left to right:
     * {@code a or b or c} gives {@code [a, b, c]} however it is grouped. A parsed chain can be as
     * long as the filter allows (about a thousand terms) and is that deep along its left side, so
     * walk it with this list rather than by recursion.
     */
    public List<Filter> operands() {
      return FilterText.operands(this, Or.class);
    }

    @Override
    public String toString() {
      return render();
    }
  }

  /** {@code not (inner)}. */
  record Not(Filter inner) implements Filter {
    public Not {
      Objects.requireNonNull(inner, "inner");
    }

    @Override
    public String toString() {
      return render();
    }
  }

  /**
   * {@code path op value}, e.g. {@code userName eq "bjensen"}.
   *
   * @throws IllegalArgumentException if the operator cannot take the value (see {@link
   *     CompareOp#accepts(Literal)})
   */
  record Comparison(AttributePath path, CompareOp op, Literal value) implements Filter {
    public Comparison {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(value, "value");
      if (!op.accepts(value)) {
        throw new IllegalArgumentException(
            "'" + op.keyword() + "' cannot be used with " + value.render());
      }
    }

    @Override
    public String toString() {
      return render();
    }
  }

  /** {@code path pr}: the attribute has a non-empty value. */
  record Present(AttributePath path) implements Filter {
    public Present {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String toString() {
      return render();
    }
  }

  /**
   * {@code path[inner]}, e.g. {@code emails[type eq "work" and value co "@example.com"]}: some
   * value of the multi-valued attribute {@code path} matches {@code inner}. The paths inside {@code
   * inner} name sub-attributes of {@code path} ({@code type}, {@code value}); they carry neither a
   * schema URN nor a sub-attribute of their own, and value filters do not nest.
   */
  record ValuePathFilter(AttributePath path, Filter inner) implements Filter {
    public ValuePathFilter {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(inner, "inner");
      if (path.hasSubAttribute()) {
        throw new IllegalArgumentException(
            "A value filter applies to a multi-valued attribute, not to the sub-attribute " + path);
      }
      FilterText.requireRelative(inner);
    }

    @Override
    public String toString() {
      return render();
    }
  }
}
