package dev.rollcall.api;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Resource methods under {@code /organizations/{orgId}} called by a member with an API token of
 * that organization. The filter enters the organization's tenant and identifies the {@link Caller}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface MemberOnly {}
