package org.zizhu.central.http;

/** Handles one contract operation. */
@FunctionalInterface
public interface ApiHandler {
    ApiResponse handle(ApiRequest request) throws Exception;
}
