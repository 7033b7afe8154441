print("hodei-bench")
