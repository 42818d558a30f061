package dev.rollcall.domain.member;

import java.util.List;

/**
 * A member's emails in the order the identity provider sent them, as the member's own row keeps
 * them (column {@code members.emails}): a read of the member has its emails without another query.
 * The {@code member_emails} rows hold the same addresses once more as the index that email filters
 * and adoption look up.
 */
public record EmailList(List<Email> items) {
  public static final EmailList NONE = new EmailList(List.of());

  public EmailList {
    items = items == null ? List.of() : List.copyOf(items);
  }

  public static EmailList of(List<Email> emails) {
    return emails == null || emails.isEmpty() ? NONE : new EmailList(emails);
  }
}
