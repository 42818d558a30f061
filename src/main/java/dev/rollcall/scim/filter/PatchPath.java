package dev.rollcall.scim.filter;

import dev.rollcall.query.AttributePath;
import dev.rollcall.query.Filter;
import java.util.Objects;

/**
 * The {@code path} of a PATCH operation (RFC 7644 §3.5.2: {@code PATH = attrPath / valuePath
 * [subAttr]}).
 *
 * <ul>
 *   <li>{@code name.familyName}: attribute {@code name.familyName}, no value filter;
 *   <li>{@code members[value eq "2819c223"]}: attribute {@code members}, value filter {@code value
 *       eq "2819c223"};
 *   <li>{@code emails[type eq "work"].value}: attribute {@code emails}, value filter {@code type eq
 *       "work"}, sub-attribute {@code value}.
 * </ul>
 *
 * @param attribute the attribute the path starts with (with its sub-attribute when there is no
 *     value filter)
 * @param valueFilter the filter in brackets, relative to {@code attribute}, or null
 * @param subAttribute the sub-attribute after the brackets, or null
 */
public record PatchPath(AttributePath attribute, Filter valueFilter, String subAttribute) {

  public PatchPath {
    Objects.requireNonNull(attribute, "attribute");
    if (valueFilter != null) {
      // Applies the same rules as a filter's value path.
      new Filter.ValuePathFilter(attribute, valueFilter);
    }
    if (subAttribute != null && valueFilter == null) {
      throw new IllegalArgumentException(
          "Without a value filter the sub-attribute belongs in the attribute path");
    }
    if (subAttribute != null && subAttribute.isEmpty()) {
      throw new IllegalArgumentException("The sub-attribute name is empty; use null for none");
    }
  }

  /**
   * Parses a PATCH path.
   *
   * @throws InvalidPathException if the path is malformed
   * @throws InvalidFilterException if the value filter in its brackets is malformed (RFC 7644 Table
   *     9 answers that with {@code invalidFilter})
   */
  public static PatchPath parse(String path) {
    return Parser.parsePatchPath(path);
  }

  public boolean hasValueFilter() {
    return valueFilter != null;
  }

  /** The path as canonical text; {@code parse(p.render())} equals {@code p}. */
  public String render() {
    if (valueFilter == null) {
      return attribute.render();
    }
    String text = attribute.render() + "[" + valueFilter.render() + "]";
    return subAttribute == null ? text : text + "." + subAttribute;
  }

  @Override
  public String toString() {
    return render();
  }
}
