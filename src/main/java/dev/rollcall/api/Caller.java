package dev.rollcall.api;

import jakarta.enterprise.context.RequestScoped;

/** The member making the current request, once {@link MemberAuthentication} has identified them. */
@RequestScoped
public class Caller {
  private String memberId;

  public void identify(String memberId) {
    this.memberId = memberId;
  }

  public String memberId() {
    if (memberId == null) {
      throw new IllegalStateException("request is not authenticated");
    }
    return memberId;
  }
}
