# rules: the messages of src/check/{people,lock,numbering,record,items}.rs
