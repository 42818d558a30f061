package dev.rollcall.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A console endpoint that opens a session, so needs none (the Origin is still checked). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface SignIn {}
