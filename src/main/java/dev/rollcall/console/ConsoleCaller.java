package dev.rollcall.console;

import jakarta.enterprise.context.RequestScoped;

/** The session making the current console request, once {@link ConsoleAuthentication} found it. */
@RequestScoped
public class ConsoleCaller {
  private ConsoleSession session;

  void identify(ConsoleSession session) {
    this.session = session;
  }

  public ConsoleSession session() {
    if (session == null) {
      throw new IllegalStateException("console request without a session");
    }
    return session;
  }

  public String memberId() {
    return session().memberId();
  }
}
