print("xiuhua")
