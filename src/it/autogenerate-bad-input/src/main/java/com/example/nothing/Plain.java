package com.example.nothing;

/** Not an entity: the package holds no @Entity class. */
public class Plain {
    public String name;
}
