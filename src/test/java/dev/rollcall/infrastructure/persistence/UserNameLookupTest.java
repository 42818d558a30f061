package dev.rollcall.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.query.AttributePath;
import dev.rollcall.query.Sort;
import dev.rollcall.scim.filter.FilterParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which searches take the named-query fast path; everything else goes through Criteria. */
class UserNameLookupTest {
  @ParameterizedTest
  @ValueSource(strings = {"userName eq \"bjensen\"", "USERNAME eq \"BJensen\"", "userName eq \"\""})
  void userNameEqualsAStringIsTheFastPath(String filter) {
    assertTrue(ScimSearch.isUserNameLookup(FilterParser.parse(filter), null));
    assertTrue(ScimSearch.isUserNameLookup(FilterParser.parse(filter), new Sort(null, false)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"bjensen\"",
        "userName ne \"bjensen\"",
        "userName sw \"b\"",
        "userName eq null",
        "userName eq \"a\" or userName eq \"b\"",
        "userName eq \"a\" and active eq true",
        "not (userName eq \"a\")",
        "externalId eq \"a\"",
        "userName pr"
      })
  void everythingElseIsTheGeneralPath(String filter) {
    assertFalse(ScimSearch.isUserNameLookup(FilterParser.parse(filter), null));
  }

  @Test
  void aSortedSearchIsTheGeneralPath() {
    // the general path checks the sort attribute (an unknown one is a 400)
    assertFalse(
        ScimSearch.isUserNameLookup(
            FilterParser.parse("userName eq \"a\""), new Sort(AttributePath.of("nosuch"), false)));
    assertFalse(ScimSearch.isUserNameLookup(null, null));
  }
}
