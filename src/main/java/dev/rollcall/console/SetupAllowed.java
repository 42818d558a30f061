package dev.rollcall.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A console endpoint a setup-link session may use too: the wizard's. Every other endpoint answers
 * such a session 403.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface SetupAllowed {}
