package com.roofworx.app.infrastructure;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;

/**
 * Tells a listener how each call to an adapter ended (null for success, else the failure) and changes nothing
 * else: results and exceptions pass through as they are. The SDK reports some failures of Zoho as events but
 * not all (a full project reload that fails only throws), so Zoho's health watches the calls themselves.
 */
final class CallObserver implements InvocationHandler {
    private final Object target;
    private final Consumer<Throwable> listener;

    private CallObserver(Object target, Consumer<Throwable> listener) {
        this.target = target;
        this.listener = listener;
    }

    static <T> T observe(Class<T> spi, T target, Consumer<Throwable> listener) {
        return spi.cast(Proxy.newProxyInstance(spi.getClassLoader(), new Class<?>[]{spi},
                new CallObserver(target, listener)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(target, args);
        }
        try {
            Object result = method.invoke(target, args);
            listener.accept(null);
            return result;
        } catch (InvocationTargetException e) {
            listener.accept(e.getCause());
            throw e.getCause();
        }
    }
}
